# Pack tests: what can be wrong with a pack's test files (src/packtest/error.rs), in English.

test-read = cannot read `{ $path }`: { $reason }

test-yaml = `{ $path }` is not a valid test file
    .help = a test file is a YAML list of cases, each starting with `- name: …`

test-not_a_list = expected a test file to be a list of cases, found { $found }
    .help = start each case with `- name: …`
    .span = expected a list of cases

test-shape = expected { $expected } for { $what }, found { $found }
    .span = expected { $expected }

test-missing = the case has no `{ $key }`
    .span = this case needs `{ $key }`
    .hint-name = every case has a name, unique within the pack
    .hint-record = give a record file's path, relative to this file, or the record itself as a mapping
    .hint-as_of = give the date to evaluate the record on, e.g. `as_of: 2021-06-30`
    .hint-incomplete = a case needs a record and a date

test-unknown_key = unknown key `{ $key }` in { $within }
    .span = not a key of { $within }
    .suggest = did you mean `{ $suggestion }`?
    .hint-keys = { $within } has the keys { $keys }

test-duplicate_key = `{ $key }` is given twice
    .help = give each key once
    .span = given again here
    .first = first given here

test-duplicate_name = another case is already named `{ $name }`
    .help = the first case named so is at { $first }; names are unique within a pack
    .span = named again here

test-date = expected a date `YYYY-MM-DD` for `as_of`, found `{ $found }`
    .help = write a calendar date with leading zeros, e.g. `2021-06-30`
    .span = not a `YYYY-MM-DD` date

test-status = unknown status `{ $found }`
    .span = not a verdict status
    .hint-close = did you mean `{ $suggestion }`? (expected one of { $words })
    .hint-all = expected one of { $words }

test-outcome = unknown outcome `{ $found }`
    .span = not a finding outcome
    .hint-close = did you mean `{ $suggestion }`? (expected one of { $words })
    .hint-all = expected one of { $words }

test-unknown_finding = `{ $key }` is neither a rule id nor a citation of the pack
    .span = no rule has this id or cites this
    .suggest = did you mean `{ $suggestion }`?

test-record_unreadable = cannot read the record `{ $path }`: { $reason }
    .help = a record path is relative to the test file it is written in
    .span = this record

test-record = the record of case `{ $name }` is not valid
    .span = this record does not load

# What a value in a test file is for.
test-what-case = a case
test-what-finding = an expected finding
test-what-outcome = an outcome
test-what-a_key = a key
test-what-key = `{ $key }`

# What belongs there.
test-expected-keys = a mapping of keys
test-expected-text = text
test-expected-findings = a mapping of rule ids or citations to outcomes
test-expected-long_form = `outcome`, `message` or both
test-expected-records = a list of records (each a record file's path, or a record written out)

test-no_packs = no rule packs found under `{ $root }`{ $reason ->
        [none] {""}
       *[other] : { $reason }
    }
    .help = name a pack directory, or run from the directory that holds `rules/`

## The words of `banfa test` (src/packtest/render.rs, src/cli/test.rs).

test-report-pass = PASS
test-report-fail = FAIL
test-report-error = ERROR
test-report-at = at { $location }
test-report-at-error = at { $location } (see the diagnostics)
test-report-untitled = { $file }, case { $index }
test-report-key = key
test-report-expected = expected
test-report-actual = actual
test-report-message = message
test-report-status = status
test-report-no-finding = (no finding)
test-report-not-in-force = no rule of this id is in force
test-report-saying = saying “{ $message }”
test-report-outcome-saying = { $outcome } saying “{ $message }”
test-report-anything = anything
# An outcome or a status as the test file writes it.
test-report-outcome = { $outcome }
test-report-verdict = { $status }
test-report-counts = { $passed } passed, { $failed } failed
test-report-counts-errors = { $passed } passed, { $failed } failed, { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }
test-report-heading = { $dir } ({ $edition } { $version }): { $what }
test-report-no-cases = no test cases (write them in `{ $path }`)
test-report-matching = { $shown } of { $written } cases match `{ $filter }`
test-report-cases = { $count ->
        [one] { $count } case
       *[other] { $count } cases
    }

## The words of `banfa coverage` (src/packtest/render.rs, src/cli/coverage.rs).

coverage-heading = { $name } ({ $edition } { $version })
coverage-tests = tests: { $counts }
coverage-article = article
coverage-title = title
coverage-rule = rule or held by
coverage-pass = pass
coverage-fail = fail
coverage-other = other
coverage-not-accounted = (not accounted for)
coverage-held-by = held by { $names }
coverage-separator = {", "}
coverage-accounted = articles accounted for: { $accounted }/{ $total }
coverage-never-failing = rules never seen failing:
coverage-never-failing-none = rules never seen failing: none
