# test

test-no_packs = no rule packs found under `{ $root }`{ $reason ->
        [none] {""}
       *[other] : { $reason }
    }
    .help = name a pack directory, or run from the directory that holds `rules/`
