{#- on-run-end: let the read-only role read everything this build made. PostgreSQL only (a
    DuckDB reader opens the published copy instead): when JUESUAN_PG_READER names a role, it gets
    usage on every schema the build's user owns and select on every table and view in it. Run
    after every build, because a rebuilt table comes without the grants of the one it replaced. -#}
{% macro grant_readers() %}
    {{ return(adapter.dispatch('grant_readers', 'juesuan')()) }}
{% endmacro %}

{% macro default__grant_readers() %}
    {{ return('') }}
{% endmacro %}

{% macro postgres__grant_readers() %}
    {%- set reader = env_var('JUESUAN_PG_READER', '') -%}
    {%- if not reader or not execute -%}{{ return('') }}{%- endif -%}
    do $grant$
    declare owned record;
    begin
        for owned in
            select nspname from pg_namespace where pg_get_userbyid(nspowner) = current_user
        loop
            execute format('grant usage on schema %I to %I', owned.nspname, '{{ reader }}');
            execute format('grant select on all tables in schema %I to %I', owned.nspname, '{{ reader }}');
        end loop;
    end
    $grant$
{% endmacro %}
