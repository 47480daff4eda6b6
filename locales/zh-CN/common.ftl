# 各环节共用的用语：文件为何无法读取（src/input.rs）。

common-file-not_regular = 不是普通文件（不读取目录、管道或设备）
common-file-too_large = 超过 banfa 可读取的 { $mib } MiB
common-file-not_utf8 = 文件不是 UTF-8 文本
common-file-outside = 文件不在 { $roots } 之内（解析链接后位于 `{ $resolved }`）

common-io-not_found = 文件或目录不存在
common-io-permission_denied = 没有读取权限
common-io-is_a_directory = 这是一个目录
common-io-not_a_directory = 路径中有一段不是目录
common-io-other = 系统报告：{ $detail }

# 报告中未列出的问题数。
common-omitted = ……另有 { $count } 个问题未列出
