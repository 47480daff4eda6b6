# Rule packs that parse but do not make sense (src/check/error.rs), and the warnings of
# src/lint.rs, in English.

check-header = { $message }
    .span = here
    .hint-help = { $help }

check-unknown_name = unknown { $what } `{ $name }`{ $of ->
        [none] {""}
       *[other] {" "}of `{ $of }`
    }
    .span = not declared
    .hint-help = { $help }

check-duplicate = { $what } `{ $name }` is declared twice
    .span = declared again here
    .hint-help = { $help }

check-type_mismatch = expected { $expected }, found { $found }
    .span = this is { $found }
    .hint-help = { $help }

check-rule = { $message }
    .span = here
    .hint-help = { $help }

check-cycle = these facts depend on each other in a circle: { $name }
    .help = a fact may use other facts, but not in a circle
    .span = used here, inside its own definition

## What is wrong with a header or a record (check-header).

check-header-plan_field = `plan_field` names `{ $field }`, which is not an integer field: it must hold a year
check-header-none = the pack has no `pack {"{"} … {"}"}` header
check-header-two = a pack has exactly one header
check-header-empty = the pack is empty
check-header-no_record = the pack has no `record {"{"} … {"}"}`
check-header-identity = the record needs a required text field `{ $key }`
check-header-lacks = the pack's { $what } lack `{ $key }`

## What is wrong with a rule, a declaration or an expression (check-rule).

check-rule-article_label = `{ $label }` is not an article label
check-rule-item_number = `{ $label }` is not an item number
check-rule-ambiguous_term = the term `{ $term }` belongs to more than one vocabulary
check-rule-whole_element = `{ $name }` is a whole list element; name one of its fields
check-rule-relation_key = `{ $field }` cannot be a key of a relation
check-rule-relation_value = `{ $name }` is a relation, the other records evaluated with this one: it has no value of its own
check-rule-not_a_field = { $what } apply to a record field
check-rule-number_range = the number `{ $number }` is out of range
check-rule-empty_list = cannot tell what this empty list holds
check-rule-no_order = { $what } has no order: only `==` and `!=` compare it
check-rule-arithmetic = cannot apply `{ $operator }` to { $left } and { $right }
check-rule-except = `except` takes two lists of the same kind
check-rule-arity = `{ $function }` takes { $wanted } { $wanted ->
        [one] argument
       *[other] arguments
    }, found { $found }
check-rule-two_records = a pack has one `record`; an edition extending another adds its fields in its own `record`
check-rule-disabled_twice = rule `{ $rule }` is already disabled
check-rule-not_extending = `{ $what }` changes the edition a pack extends, but this pack extends none
check-rule-not_constant = parameter `{ $parameter }` must be a constant
check-rule-fact_chain = fact `{ $fact }` builds on a chain of more than { $limit } facts
check-rule-required_when_date = a `required when` condition may not depend on the evaluation date
check-rule-too_many_lets = rule `{ $rule }` has more than { $limit } `let`s
check-rule-outcome = { $kind ->
        [advisory] an
       *[other] a
    } { $kind } rule cannot give `{ $outcome }`
check-rule-no_otherwise = rule `{ $rule }` has no `otherwise` clause
check-rule-after_otherwise = this clause can never be reached: an `otherwise` clause comes before it
check-rule-repeated_condition = this clause can never be reached: an earlier clause tests the same condition
check-rule-nested_required_when = `required when` is for fields of the record itself, not of list elements
check-rule-between_type = `between` bounds integers, money and dates, not { $ty }
check-rule-between_order = the lower bound of `between` is above the upper one

## How to put it right.

check-help-did_you_mean = did you mean `{ $suggestion }`?
check-help-article_label = write `第`, the article's number in Chinese or Arabic numerals, then `条`, e.g. `第8条`
check-help-item_number = number items `(一)`, `(二)` … or `(1)`, `(2)` …
check-help-ambiguous_term = compare it with a field of the vocabulary you mean
check-help-not_a_field = write the field's path, e.g. `group.field`
check-help-relation_key = a key is a required field of text, a term or an integer, so that every record has a value to compare
check-help-relation_value = quantify over its records, e.g. `any p in { $name } where …`
check-help-empty_list = compare it with a list field, or give it an item
check-help-days_between = `days(from, to)` counts the days between two dates
check-help-add_period = add a period to a date: `3 days`, `3 months` or `3 years`
check-help-classes = the classes of `{ $vocabulary }` are { $classes }
check-help-signature_date = write `date(year, month-day)`, e.g. `date(2021, 06-30)`
check-help-signature = write `{ $signature }`
check-help-number_as_condition = a condition is yes/no: compare the number (`>= 2018`), or test that it is given (`is present`)
check-help-date_as_condition = test a date with `is present`, `happened(…)` or a comparison
check-help-text_as_condition = compare it with `==`, or test it with `in`
check-help-header_none = declare one, with at least `edition`, `version` and `effective`
check-help-entries = the { $what } are: { $entries }
check-help-override_rule = the edition this one extends has a rule with this id: write `override` before the rule to replace it
check-help-own_rule_id = give the rule an id of its own
check-help-override_new_rule = `override` replaces a rule of the edition this one extends; leave it out to add a new rule
check-help-disabled_twice = remove this `disable rule`
check-help-not_extending = add `extends EDITION VERSION` to the pack header
check-help-identity = verdicts name the project by its `id` and `name`
check-help-not_constant = a value that depends on the record is a `fact`
check-help-base_type = `{ $parameter }` is { $ty } in the edition this one extends, and its rules use it so
check-help-set_parameter = to give a parameter of the edition this one extends a new value, write `set parameter { $parameter } = …`
check-help-fact_chain = define it from fewer, broader facts
check-help-required_when_date = whether a record is complete must not change with the day it is read: test the date in a rule
check-help-too_many_lets = name shared values with `fact`
check-help-items = { $article } has the items { $items }
check-help-outcomes = its outcomes are { $outcomes }
check-help-no_otherwise = end the rule with e.g. `pass otherwise says "…"`: what holds when no condition does?
check-help-after_otherwise = `otherwise` must be the last clause
check-help-repeated_condition = remove it, or change one of the two conditions
check-help-nested_required_when = make the field `required`, or test it in a rule
check-help-between_order = write the smaller value first

## Kinds of names.

check-what-field = field
check-what-name = name
check-what-term = term
check-what-class = class
check-what-type = type
check-what-article = article
check-what-item = item
check-what-function = function
check-what-parameter = parameter
check-what-fact = fact
check-what-relation = relation
check-what-rule = rule
check-what-let = let
check-what-vocabulary = vocabulary
check-what-header_entry = header entry
check-what-header_entry_or_parameter = header entry or parameter
check-what-message = message
check-whats-header_entry = header entries
check-whats-message = messages

## Types, as messages name them.

check-type-text = text
check-type-integer = an integer
check-type-money = money
check-type-date = a date
check-type-month_day = a month-day
check-type-period = a period
check-type-bool = yes/no
check-type-term_of = a term of `{ $vocabulary }`
check-type-term = a term
check-type-list = a list of { $item }
check-type-rows = a list of records
check-type-some_list = a list
check-type-date_example = a date (`2017-09-07`)
check-type-written = `{ $text }`
check-type-other_bound = a bound of another type
check-type-other_default = a default of another type

## Warnings (src/lint.rs): legal in a pack, but suspicious.

lint-unused_parameter = parameter `{ $parameter }` is used by no rule, fact or article
lint-unaccounted_article = article `{ $article }` has no rule and is held by no header entry or parameter
lint-constant_condition = rule `{ $rule }` has a condition that reads nothing from the record, so it never changes
lint-constant_message = rule `{ $rule }` has a `{ $outcome }` message whose {"{"}…{"}"} parts read nothing from the record
lint-masked_breach = rule `{ $rule }`: its `{ $gate }` while a date is absent comes before a `fail` that reads { $fields }: a breach the record states is masked while the date is missing; test the stated breach first
lint-unbounded_arithmetic = record field `{ $field }` is computed with but has no `between` bounds: a value too large would leave findings unknown instead of being refused
lint-parameter_against_quoted_text = parameter `{ $parameter }` is set by this edition and read by rule `{ $rule }`, but article `{ $article }` keeps the text of `{ $origin }`: the quoted article contradicts the finding; word it with `override article { $article }`
lint-unread_field = record field `{ $field }` is read by no rule
