# 规则包：查找与加载（src/embedded.rs）。

pack-io = 无法读取位于 `{ $path }` 的规则包：{ $reason }

pack-empty = `{ $path }` 中没有 `.banfa` 规则文件
    .help = 规则包是一个存放 `.banfa` 文件的目录

pack-base = 找不到本规则包所扩展的版本 `{ $edition }`（版本号 `{ $version }`）
    .span = 在此处扩展
    .hint-editions = 找到的规则包有：{ $listed }；可用 `--pack-path` 或 `BANFA_PACK_PATH` 添加目录
    .hint-versions = `{ $edition }` 的版本号有：{ $listed }

pack-edition = 没有名为 `{ $name }` 的版本
    .suggest = 是否想用 `{ $suggestion }`？
    .hint-name =
        找到的版本有：{ $editions }
        存放在别处的版本可用 `--pack-path DIR` 或 `BANFA_PACK_PATH` 找到
    .hint-path =
        找到的版本有：{ $editions }
        也没有名为 `{ $name }` 的目录
        存放在别处的版本可用 `--pack-path DIR` 或 `BANFA_PACK_PATH` 找到

pack-version = 版本 `{ $edition }` 没有版本号 `{ $version }`
    .help = `{ $edition }` 的版本号有：{ $versions }

pack-not_in_force = 版本 `{ $edition }` 在 { $date } 没有已生效的版本号
    .hint-first = 其最早的版本号 { $first } 自 { $effective } 起生效

pack-cycle = 版本之间循环扩展：{ $chain }
    .span = 所扩展的版本又扩展了本版本

## `banfa packs` 的列名（src/cli/packs.rs）。

packs-edition = 版本
packs-version = 版本号
packs-effective = 施行日期
packs-jurisdiction = 行政区划
packs-extends = 继承自
packs-location = 位置
