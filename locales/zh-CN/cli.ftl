# 命令行（src/cli/error.rs）。

cli-unknown_flag = `banfa` 没有选项 `{ $flag }`
    .suggest = 是否想用 `{ $suggestion }`？
    .help = { $usage ->
        [none] `--help` 列出全部选项
       *[other] 用法：{ $usage }
    }

cli-unknown_command = `banfa` 没有命令 `{ $command }`
    .suggest = 是否想用 `{ $suggestion }`？
    .help = `banfa --help` 列出全部命令

cli-invalid_value = 选项 `{ $flag }` 不接受 `{ $value }`{ $reason ->
        [none] {""}
       *[other] ：{ $reason }
    }
    .hint-values = `{ $flag }` 可取 { $values }
    .help = { $usage ->
        [none] `--help` 列出全部选项
       *[other] 用法：{ $usage }
    }

cli-missing = 缺少 { $missing }
    .help = { $usage ->
        [none] `--help` 列出全部选项
       *[other] 用法：{ $usage }
    }

cli-conflict = `{ $flag }` 不能与 `{ $other }` 同时使用
    .help = { $usage ->
        [none] `--help` 列出全部选项
       *[other] 用法：{ $usage }
    }

cli-other = 命令行有误：{ $detail }

evaluate-read = 无法读取 `{ $path }`：{ $reason }
evaluate-no_records = `{ $dir }` 中没有项目记录（`*.yaml`、`*.yml`、`*.json`、`*.jsonl`、`*.csv`、`*.xlsx`）
evaluate-duplicate_id = `{ $file }` 的项目编号 `{ $id }` 与 `{ $first }` 相同
    .help = 同一项目只应有一条记录：若两者是同一项目，请只保留一条；若不是，请各用不同的编号


cli-date-shape = 日期应写作 YYYY-MM-DD，实为 `{ $text }`
cli-date-no_such_day = 日历上没有 `{ $text }` 这一天
