# Formatting rule files: why a file was not formatted (src/fmt/files.rs), in English.

fmt-read = cannot read `{ $path }`: { $reason }

fmt-not_a_file = `{ $path }` is not a regular file; it is left as it is

fmt-syntax = `{ $path }` does not parse; it is left as it is
    .help = `banfa check` shows why

fmt-meaning = formatting `{ $path }` would change its meaning; it is left as it is
    .help = this is a bug in `banfa fmt`: please report it with the file

fmt-changed = `{ $path }` changed while it was being formatted; it is left as it is
    .help = run `banfa fmt` again once nothing else is writing to it

fmt-read_only = `{ $path }` is read-only; it is left as it is
    .help = make it writable to format it; `banfa fmt --check` only reads

fmt-hard_links = `{ $path }` has { $links } hard links; it is left as it is
    .help = `banfa fmt` replaces a file by a new one, which would give the new text to this name only; copy the file to break the links, or format a copy

fmt-write = cannot write `{ $path }` ({ $reason }); it is left as it is
