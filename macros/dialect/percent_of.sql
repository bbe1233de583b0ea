{#- numerator / denominator × 100 exactly from 元, truncated toward zero to four decimals, as
    decimal(38,4); null when the denominator is 0. Integer arithmetic on 分 (a DuckDB decimal
    division would pass through a double), each operand widened before it is multiplied (a
    decimal(18,2) × 100 overflowed at 10^15 元) and the result wide enough for any ratio of two
    amounts (a large amount over a base of 0.01 元). Truncating at four decimals keeps every later
    rounding to one decimal or to a whole percent exact (DECISIONLOG.md §11). -#}
{% macro percent_of(numerator, denominator) -%}
    {{ return(adapter.dispatch('percent_of', 'juesuan')(numerator, denominator)) }}
{%- endmacro %}

{% macro duckdb__percent_of(numerator, denominator) -%}
    case
        when coalesce({{ denominator }}, 0) = 0 then null
        else cast(
            sign(({{ numerator }})) * sign(({{ denominator }}))
            * (
                abs(cast(cast(({{ numerator }}) as decimal(38, 2)) * 100 as hugeint)) * 1000000
                // abs(cast(cast(({{ denominator }}) as decimal(38, 2)) * 100 as hugeint))
            ) as decimal(38, 0)
        ) * 0.0001
    end
{%- endmacro %}

{#- PostgreSQL: numeric is exact at any size, and div() is its integer division (toward zero). -#}
{% macro postgres__percent_of(numerator, denominator) -%}
    case
        when coalesce({{ denominator }}, 0) = 0 then null
        else cast(
            sign(({{ numerator }})) * sign(({{ denominator }}))
            * div(
                abs(cast(({{ numerator }}) * 100 as numeric)) * 1000000,
                abs(cast(({{ denominator }}) * 100 as numeric))
            ) as decimal(38, 0)
        ) * 0.0001
    end
{%- endmacro %}

{% macro default__percent_of(numerator, denominator) -%}
    {{ not_implemented_for_adapter('percent_of') }}
{%- endmacro %}

{#- Spark: no integer type wider than bigint and no exact integer division on decimals, and
    sign() is a double. The quotient of two whole decimal(38, 0) numbers a, b is (a - a % b) / b,
    exactly (a % b is exact on decimals; what is divided is a multiple of b); the sign by case. -#}
{% macro spark__percent_of(numerator, denominator) -%}
    {%- set scaled = 'abs(cast(cast((' ~ numerator ~ ') as decimal(38, 2)) * 100 as decimal(38, 0)))'
        ~ ' * 1000000' -%}
    {%- set base = 'abs(cast(cast((' ~ denominator ~ ') as decimal(38, 2)) * 100 as decimal(38, 0)))' -%}
    case
        when coalesce({{ denominator }}, 0) = 0 then null
        else cast(
            case when (({{ numerator }}) < 0) = (({{ denominator }}) < 0) then 1 else -1 end
            * cast((({{ scaled }}) - ({{ scaled }}) % ({{ base }})) / ({{ base }}) as decimal(38, 0))
            as decimal(38, 0)
        ) * 0.0001
    end
{%- endmacro %}
