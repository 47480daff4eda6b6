# Project records: what can be wrong with one (src/record/error.rs), in English.

record-not_utf8 = the record is not valid UTF-8: byte { $offset } (`{ $byte }`) is not part of a UTF-8 character
    .help = save the record as UTF-8 (without a byte order mark is best)
    .span = expected UTF-8 text here

record-gb18030 = the record is saved as GBK (GB18030), not UTF-8
    .help = convert it to UTF-8 first: `iconv -f GB18030 -t UTF-8 { $file } > { $converted }`, or save it again as UTF-8 in an editor
    .span = not UTF-8 from here on

record-full_width = a full-width `{ $found }` here, where YAML needs the ASCII `{ $expected }`
    .help = switch the input method to ASCII punctuation and write `{ $fixed }`
    .span = full-width `{ $found }`

record-tab = YAML indentation is made of spaces, not tabs
    .help = replace the tab at the start of the line by spaces; fields at one level line up with the same number of spaces
    .span = a tab

record-thousands_separator = the amount `{ $found }` for `{ $path }` has thousands separators, and in braces a comma separates fields
    .help = write `{ $digits }` without commas, or quote it: `"{ $found }"`
    .span = a number with thousands separators

record-syntax = the record is not valid YAML: { $message }
    .span = the YAML parser stopped here
    .hint-colon = this line has one colon `:` too many, or is not indented in line: quote a value that holds `: `
    .hint-no_colon = this line lacks the colon after the field name: write `field: value` (an ASCII colon and a space)
    .hint-unclosed_list = a `[` without its `]`, or list items without an ASCII comma `,` between them
    .hint-unclosed_mapping = a `{"{"}` without its `{"}"}`, or fields without an ASCII comma `,` between them
    .hint-indentation = the indentation is not in line: fields at one level start in the same column, those one level down two spaces further in
    .hint-quote = a quote without its pair: check that each quoted value has ASCII quotes `"` or `'` on both sides
    .hint-unclosed_flow = a `[` or `{"{"}` on a line above may lack its `]` or `{"}"}`; if not, quote the value that holds the `:`
    .hint-tab = YAML indentation is made of spaces, not tabs

record-json_syntax = the record is not valid JSON: { $message }
    .span = the JSON reader stopped here

record-too_deep = the record nests deeper than { $limit } levels
    .help = a project record needs only a few levels of nesting
    .span = this goes one level too deep

record-anchor = anchors (`&name`) are not allowed in records
    .help = write every value out in full; a record is read as written
    .span = this value has an anchor

record-alias = aliases (`*name`) are not allowed in records
    .help = write the value out in full instead of referring to another one
    .span = an alias

record-tag = tags are not allowed in records, found `{ $tag }`
    .help = remove the tag: the rule pack's schema decides how each value is read
    .span = this value is tagged

record-second_document = a record file holds one YAML document, found a second
    .help = put each record in a file of its own
    .span = a second document starts here

record-empty = the record is empty
    .span = expected a mapping of fields
    .hint-yaml = { record-shape-yaml }
    .hint-json = { record-shape-json }

record-not_a_mapping = expected the record to be a mapping of fields, found { $found }
    .span = expected a mapping
    .hint-yaml = { record-shape-yaml }
    .hint-json = { record-shape-json }

record-shape-yaml = a record is a YAML mapping of fields, one `key: value` per line
record-shape-json = a JSON record is one object of fields, `{"{"}"key": value, …{"}"}`

record-non_scalar_key = expected a field name as key in { $within }, found { $found }
    .span = not a field name

record-duplicate_key = duplicate field `{ $path }`
    .help = give each field once; remove one of the two
    .span = given again here
    .first = first given here

record-unknown_field = unknown field `{ $path }`
    .span = not a field of { $within }
    .suggest = did you mean `{ $suggestion }`?
    .hint-fields = the fields of { $within } are { $fields }

record-shape = expected { $expected } for `{ $path }`, found { $found }
    .span = expected { $expected }
    .hint-list = `{ $path }` is a list: write `{ $list }` (brackets, ASCII commas)

record-missing = missing required field `{ $path }`
    .span = { $why }

record-not_integer = expected a whole number for `{ $path }`, found `{ $found }`
    .help = write digits, optionally with a sign, e.g. `2020`
    .span = not a whole number

record-quoted = expected { $expected } for `{ $path }`, found the quoted text `{ $found }`
    .help = remove the quotes: a quoted value is text
    .span = quoted

record-out_of_range = `{ $found }` for `{ $path }` is outside the range the pack allows
    .help = `{ $path }` lies between { $low } and { $high }
    .span = not between { $low } and { $high }

record-key_in_value = the line `{ $key }` is read as part of the value of `{ $path }`, not as the field `{ $key }`
    .help = the line is indented deeper than `{ $path }` above it, so it continues that value; indent `{ $key }` as far as `{ $path }` and write `: ` (an ASCII colon and a space) after it; if the line is meant as part of the text, put the whole text in quotes
    .span = read as more of the value above

record-money_overflow = the amount `{ $found }` for `{ $path }` is too large to be read exactly
    .help = amounts of money have at most 28 digits; check for extra zeros
    .span = too large

record-integer_overflow = the number `{ $found }` for `{ $path }` is out of range
    .help = whole numbers lie between -9223372036854775808 and 9223372036854775807
    .span = out of range

record-not_money = expected an amount of money for `{ $path }`, found `{ $found }`
    .help = write an amount in 元 such as `3200000` or `3200000.50`, or a string such as `"320万元"` or `"3,200,000元"`
    .span = not an amount of money

record-negative_money = expected an amount of money of at least 0 for `{ $path }`, found `{ $found }`
    .span = negative

record-not_date = expected a date `YYYY-MM-DD` for `{ $path }`, found `{ $found }`
    .help = write dates as `YYYY-MM-DD` with leading zeros, e.g. `2019-07-02`
    .span = not a `YYYY-MM-DD` date

record-not_month_day = expected a day of the year `MM-DD` for `{ $path }`, found `{ $found }`
    .help = write a day of the year as `MM-DD` with leading zeros, e.g. `12-31`
    .span = not an `MM-DD` day

record-no_such_day = `{ $found }` for `{ $path }` is not a calendar date: { $reason }
    .span = no such day

record-not_bool = expected `true` or `false` for `{ $path }`, found `{ $found }`
    .help = write `true` or `false`
    .span = not `true` or `false`

record-unknown_term = expected a term of the vocabulary `{ $vocabulary }` for `{ $path }`, found `{ $found }`
    .span = not a term of `{ $vocabulary }`
    .suggest = did you mean `{ $suggestion }`?
    .hint-terms = the terms are { $terms }
    .hint-candidates = the terms that begin with `{ $found }` are { $candidates }
    .hint-items = the items of a list are separated by ASCII commas: `[{ $items }]`

record-unsupported_type = field `{ $path }` has type { $ty ->
        [undeclared_vocabulary] an undeclared vocabulary
       *[other] { $ty }
    }, which a record cannot give
    .help = this is a fault of the rule pack's schema, not of the record
    .span = cannot be read

## Phrases of the messages above.

# What was found where something else was expected.
record-found-null = nothing (null)
record-found-value = `{ $value }`
record-found-list = a list
record-found-mapping = a mapping
record-found-alias = an alias

# A field as messages name it (English messages name fields by their path).
record-field-labelled = { $label } (`{ $path }`)
record-field-path = `{ $path }`

# Which mapping a key is in.
record-within-record = the record
record-within-group = `{ $path }`

# Why a required field is missing there.
record-why-empty = `{ $name }` is empty
record-why-absent = { $within } has no `{ $name }`
record-why-required-when = required when { $condition }

# What a value of a type looks like.
record-type-text = text
record-type-integer = a whole number
record-type-money = an amount of money
record-type-date = a date `YYYY-MM-DD`
record-type-month_day = a day of the year `MM-DD`
record-type-period = a period
record-type-bool = `true` or `false`
record-type-term = a term of the vocabulary `{ $vocabulary }`
record-type-any_term = a term
record-type-list = a list (each item { $item })
record-type-rows = a list of mappings

# Why a date is not on the calendar.
record-calendar-no_month = there is no month { $month }
record-calendar-day_zero = days are numbered from 01
record-calendar-month_days = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year } has { $days } days
record-calendar-month_at_most = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } has at most { $days } days
record-calendar-year = the year { $year } is out of range

# What the JSON reader expected (record-json_syntax).
record-json-unexpected = expected { $expected }, found { $found }
record-json-end_of_text = the end of the text
record-json-text = text
record-json-value = a value
record-json-single_quotes = a value (JSON strings are in double quotes)
record-json-field_name = a field name in double quotes
record-json-colon = `:` after the field name
record-json-after_value = the end of the record after its value
record-json-next_in_object = `,` or `{"}"}`
record-json-next_in_array = `,` or `]`
record-json-unclosed_string = the string is not closed
record-json-line_break = the string is not closed on its line (a line break in a string is written `\n`)
record-json-control_character = a control character in a string: write it as an escape such as `\t`
record-json-unknown_escape = `{ $written }` is not an escape JSON knows
record-json-half_surrogate = `{ $written }` is half of a surrogate pair, not a character
record-json-unicode_escape = a `\u` escape has four hexadecimal digits, e.g. `\u4e2d`
record-json-not_a_number = `{ $written }` is not a JSON number
record-json-unknown_word = expected a value, found `{ $written }` (the words JSON knows are `true`, `false` and `null`)
record-type-group = a mapping of fields

# Ledgers (spreadsheets, src/record/table): problems with the whole file, and with cells.

record-table_unreadable = cannot read the spreadsheet `{ $file }`
    .span = the file starts here
    .hint-not_xlsx = this is not an .xlsx workbook, or the file is incomplete or damaged: open it in Excel or WPS and save it as an .xlsx file (an old .xls file too)
    .hint-password = the workbook is protected by a password: remove the password and save a copy to read
    .hint-damaged = the file is damaged ({ $detail }): open it in Excel or WPS and save it again

record-table_too_large = the spreadsheet is too large to read
    .span = from here
    .hint-rows = a sheet has at most { $limit } rows
    .hint-columns = a sheet has at most { $limit } columns
    .hint-cells = at most { $limit } cells with content are read from one file: split the ledger into several files
    .hint-bytes = a file is at most { $limit }: split the ledger into several files
    .hint-inflated = a workbook may unpack to at most { $limit }: split the ledger into several files

record-table_empty = the spreadsheet `{ $file }` has no header row
    .span = the file starts here
    .help = the first row of a ledger is its header, each cell the path or the description of a field; each row below it is one project

record-unknown_column = the header `{ $header }` is not a field of the record
    .span = unknown column
    .suggest = did you mean `{ $suggestion }`?
    .hint-group = `{ $header }` is a group of fields: give each of them a column of its own: { $fields }
    .help = a header is a field's path (its levels joined by `.`, as `group.field`) or the field's description in the rule pack; `banfa schema` lists the fields

record-ambiguous_column = the header `{ $header }` describes more than one field
    .span = ambiguous column
    .help = write the field's path instead: { $fields }

record-duplicate_column = two columns give the field `{ $path }`
    .help = give each field one column; remove or merge one of the two
    .span = another column
    .first = the first column

record-unnamed_column = column { $column } has values but an empty header
    .span = a header belongs here
    .help = write the column's field in the header row, or clear the column

record-rows_column = `{ $path }` is a list of sub-records, which a cell cannot hold
    .span = this column cannot be read
    .help = give this field in a YAML or JSON record, and remove the column from the ledger

record-error_cell = the cell holds the spreadsheet error `{ $found }`, not a value for `{ $path }`
    .span = error value
    .help = a formula that failed usually gives one: correct the formula, or type the value

record-time_in_cell = the cell for `{ $path }` holds a date with a time of day, `{ $found }`
    .span = with a time of day
    .help = a record's dates are days: make the cell hold the date alone, as `2020-08-14`

record-empty_item = the list `{ $found }` for `{ $path }` has an empty item
    .span = an item is missing here
    .help = items are separated by `、`, `，` or `,`, and none is empty: remove the extra separator
