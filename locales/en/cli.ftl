# The command line (src/cli/error.rs), in English.

cli-unknown_flag = `banfa` has no flag `{ $flag }`
    .suggest = did you mean `{ $suggestion }`?
    .help = { $usage ->
        [none] `--help` lists the flags
       *[other] usage: { $usage }
    }

cli-unknown_command = `banfa` has no command `{ $command }`
    .suggest = did you mean `{ $suggestion }`?
    .help = `banfa --help` lists the commands

cli-invalid_value = `{ $value }` is not a value `{ $flag }` takes{ $reason ->
        [none] {""}
       *[other] : { $reason }
    }
    .hint-values = `{ $flag }` takes { $values }
    .help = { $usage ->
        [none] `--help` lists the flags
       *[other] usage: { $usage }
    }

cli-missing = missing { $missing }
    .help = { $usage ->
        [none] `--help` lists the flags
       *[other] usage: { $usage }
    }

cli-conflict = `{ $flag }` cannot be given with `{ $other }`
    .help = { $usage ->
        [none] `--help` lists the flags
       *[other] usage: { $usage }
    }

cli-other = { $detail }

evaluate-read = cannot read `{ $path }`: { $reason }
evaluate-no_records = `{ $dir }` holds no project records (`*.yaml`, `*.yml`, `*.json`, `*.jsonl`, `*.csv`, `*.xlsx`)
evaluate-duplicate_id = `{ $file }` has the project id `{ $id }` of `{ $first }`
    .help = a project is declared once: if the two are one project, keep one record; if not, give each its own id


cli-date-shape = expected a date written YYYY-MM-DD, found `{ $text }`
cli-date-no_such_day = there is no such day as `{ $text }` in the calendar
