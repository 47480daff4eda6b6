# Words shared by every stage: why a file could not be read (src/input.rs).

common-file-not_regular = not a regular file (a directory, a pipe or a device is not read)
common-file-too_large = larger than the { $mib } MiB banfa reads
common-file-not_utf8 = the file is not UTF-8 text
common-file-outside = it lies outside { $roots } (at `{ $resolved }` once links are resolved)

common-io-not_found = no such file or directory
common-io-permission_denied = permission denied
common-io-is_a_directory = it is a directory
common-io-not_a_directory = a part of the path is not a directory
common-io-other = { $detail }

# The line that ends a report with problems left out.
common-omitted = { $count ->
        [one] … and 1 more problem
       *[other] … and { $count } more problems
    }
