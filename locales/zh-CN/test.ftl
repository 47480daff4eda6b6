# test

test-no_packs = `{ $root }` 下没有规则包{ $reason ->
        [none] {""}
       *[other] ：{ $reason }
    }
    .help = 请指明规则包目录，或在含有 `rules/` 的目录下运行
