# Rule files that do not parse (src/syntax/error.rs), in English.

syntax-unexpected = expected { $expected }, found { $found }
    .span = here
    .hint-help = { $help }

syntax-invalid_literal = `{ $text }` is not a valid { $kind ->
        [date] date
        [month_day] month-day
       *[number] number
    }
    .span = not a valid { $kind ->
        [date] date
        [month_day] month-day
       *[number] number
    }
    .hint-date = a date is `YYYY-MM-DD` and must exist in the calendar
    .hint-month_day = a month-day is `MM-DD`, e.g. `12-31`

syntax-duplicate_entry = `{ $entry }` is given more than once
    .help = keep one; a rule has at most one `applies`, `due` and `unknown says`
    .span = again here
    .first = first given here

syntax-too_complex = this expression is too complex: it has { $what }
    .help = split it: name parts of it with `fact` or `let`
    .span = this expression

syntax-unclosed_interpolation = unclosed `{"{"}` in a message
    .help = close the interpolation with `{"}"}`, or write `{"{{"}` for a literal brace
    .span = opened here

## Phrases of the messages above.

# Which limit an expression passes (syntax-too_complex).
syntax-limit-operators = more than { $limit } operators
syntax-limit-nesting = more than { $limit } levels of nesting
syntax-limit-depth = more than { $limit } levels
syntax-limit-parser = more nesting than the parser reads

# What the grammar expected (syntax-unexpected), joined as "a, b or c".
syntax-list-comma = { $first }, { $rest }
syntax-list-or = { $init } or { $last }
syntax-verbatim = { $text }
syntax-expected-close_rule = `{"}"}` to close the rule above
syntax-expected-closing_quote = a closing `"` before the end of the line
syntax-expected-ascii = ASCII punctuation
syntax-name-something_else = something else
syntax-name-end_of_file = the end of the file
syntax-name-override = `override`
syntax-name-declaration = a declaration (`pack`, `vocabulary`, `record`, `article`, `parameter`, `fact`, `scope`, `requirement`, `suspension` or `advisory`)
syntax-name-name = a name
syntax-name-rule_id = a rule id such as `declaration.on_time`
syntax-name-cites = `cites`
syntax-name-says = `says`
syntax-name-records_same = `records with the same`
syntax-name-open_brace = `{"{"}`
syntax-name-close_brace = `{"}"}`
syntax-name-class = `class`
syntax-name-date = a date (`2017-09-07`)
syntax-name-month_day = a month-day (`12-31`)
syntax-name-version = a version (`2017.1`)
syntax-name-number = a number
syntax-name-boolean = `true` or `false`
syntax-name-string = a quoted string
syntax-name-message = a quoted message
syntax-name-close_interpolation = `{"}"}` to close the `{"{"}…{"}"}` in the message
syntax-name-extends = `extends`
syntax-name-header_entry = a header entry (`edition`, `version`, `effective` …)
syntax-name-field = a field
syntax-name-type = a type
syntax-name-required = `required`
syntax-name-default = `default`
syntax-name-between = `between`
syntax-name-value = a value
syntax-name-text = `text`
syntax-name-item = `item`
syntax-name-item_label = an item label such as `(三)`
syntax-name-close_paren = `)`
syntax-name-cite = an article such as `第8条`
syntax-name-applies = `applies when`
syntax-name-let = `let`
syntax-name-due = `due`
syntax-name-outcome = an outcome (`pass`, `fail`, `pending`, `note`, `not_applicable`)
syntax-name-when = `when`
syntax-name-otherwise = `otherwise`
syntax-name-unknown_says = `unknown says`
syntax-name-expression = an expression
syntax-name-open_paren = `(`
syntax-name-quantifier = `any`, `all` or `count`
syntax-name-unit = a unit (`year`, `month`, `day`)
syntax-name-operator = an operator (`and`, `or`, `==`, `<=`, `in`, `is`, `+` …)
syntax-name-not = `not`
syntax-name-presence = `present` or `absent`
syntax-name-negate = `-`

# What stands where the grammar expected something else.
syntax-found-end_of_file = the end of the file
syntax-found-end_of_line = `end of line`
syntax-found-token = `{ $token }`
syntax-found-next_declaration = the next declaration, `{ $keyword }`
syntax-found-unclosed_string = a string that is never closed
syntax-found-full_width = the full-width `{ $character }`

# Help for a slip.
syntax-help-close_rule = add `{"}"}` at the end of the rule above this line
syntax-help-string_line = a string ends on its own line; use `"""` for text of several lines
syntax-help-colon = `：` is a full-width colon; the rule language needs no colon here: remove it
syntax-help-full_width = `{ $character }` is a full-width character; the rule language uses the ASCII `{ $ascii }` here
syntax-help-did_you_mean = did you mean `{ $suggestion }`?
