{#- The default__ body of a dispatched macro that has no portable SQL: stop the compile and say
    which macro the adapter lacks, instead of sending another engine's SQL to this one. -#}
{% macro not_implemented_for_adapter(macro_name) -%}
    {{ exceptions.raise_compiler_error(
        macro_name ~ " is not implemented for " ~ target.type ~ ": add a " ~ target.type ~ "__"
        ~ macro_name ~ " macro beside the duckdb__ and postgres__ ones (CONTRIBUTING.md, adding an adapter)"
    ) }}
{%- endmacro %}
