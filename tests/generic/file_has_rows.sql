{#- Fails (one row, naming the file) when the ledger file of `entity` has no row while the files
    of `others` have some: a file that came empty or with only its header beside the rest of the
    ledger. An empty income or spending file would publish every income (spending) cell as 0 and
    a wrong 年末结转和结余 (rules I35, I36: errors); an empty budget or project file is possible but
    worth a look (I37: a warning). An empty balance file is normal for a unit with nothing to
    carry over (the bundled example's), so it is not checked. A department without a single income line in a
    file that has others is not this rule's: it can be true (a unit spending its carry-over). -#}
{#- (The file's name comes from the landing at compile time, not from stg_ledger__files: a
    test's parents must all be upstream of what it guards, or it runs too late to stop it.) -#}
{% test file_has_rows(model, entity, others) %}
    with

    counts as (
        select
            (select count(*) from {{ ref('stg_ledger__' ~ entity) }}) as entity_rows,
            (
                {%- for other in others %}
                (select count(*) from {{ ref('stg_ledger__' ~ other) }}){{ ' +' if not loop.last }}
                {%- endfor %}
            ) as other_rows
    )

    select
        {%- set read = ledger_file(entity) %}
        cast('{{ (read.source_file or entity) if read else 'seeds/example/example_' ~ entity ~ '.csv' }}' as {{ text_type() }}) as source_file,
        counts.entity_rows,
        counts.other_rows
    from counts
    where counts.entity_rows = 0
        and counts.other_rows > 0
        and exists (select 1 from {{ model }})
{% endtest %}
