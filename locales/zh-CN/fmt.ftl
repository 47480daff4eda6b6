# 格式化规则文件：文件为何未被格式化（src/fmt/files.rs）。

fmt-read = 无法读取 `{ $path }`：{ $reason }

fmt-not_a_file = `{ $path }` 不是普通文件，未作改动

fmt-syntax = `{ $path }` 无法解析，未作改动
    .help = 用 `banfa check` 查看原因

fmt-meaning = 格式化会改变 `{ $path }` 的含义，未作改动
    .help = 这是 `banfa fmt` 的缺陷，请附上该文件报告

fmt-changed = `{ $path }` 在格式化期间被改动，未作改动
    .help = 待没有其他程序写入该文件后，再运行一次 `banfa fmt`

fmt-read_only = `{ $path }` 是只读文件，未作改动
    .help = 将其设为可写后才能格式化；`banfa fmt --check` 只读不写

fmt-hard_links = `{ $path }` 有 { $links } 个硬链接，未作改动
    .help = `banfa fmt` 会用新文件替换原文件，新内容只会归于这一个文件名；请复制该文件以断开链接，或格式化其副本

fmt-write = 无法写入 `{ $path }`（{ $reason }），未作改动
