# 比较两个版本：什么会使比较无法进行（src/diff/error.rs）。

diff-no_base = `{ $origin }` 没有扩展其他版本，无从比较
    .help = 请写明要与之比较的版本：`banfa diff A B`

diff-read = 无法读取 `{ $path }`：{ $reason }

diff-record = 记录不符合版本 `{ $origin }`
