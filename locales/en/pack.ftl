# Rule packs: finding and loading them (src/embedded.rs), in English.

pack-io = cannot read the rule pack at `{ $path }`: { $reason }

pack-empty = `{ $path }` holds no `.banfa` rule files
    .help = a pack is a directory of `.banfa` files

pack-base = cannot find the edition `{ $edition }` version `{ $version }` that this pack extends
    .span = extended here
    .hint-editions = the packs found are { $listed }; add a directory with `--pack-path` or `BANFA_PACK_PATH`
    .hint-versions = `{ $edition }` has the versions { $listed }

pack-edition = no edition is named `{ $name }`
    .suggest = did you mean `{ $suggestion }`?
    .hint-name =
        the editions found are { $editions }
        an edition kept elsewhere is found with `--pack-path DIR` or `BANFA_PACK_PATH`
    .hint-path =
        the editions found are { $editions }
        there is no directory `{ $name }` either
        an edition kept elsewhere is found with `--pack-path DIR` or `BANFA_PACK_PATH`

pack-version = the edition `{ $edition }` has no version `{ $version }`
    .help = `{ $edition }` has the versions { $versions }

pack-not_in_force = no version of the edition `{ $edition }` is in force on { $date }
    .hint-first = its first version, { $first }, takes effect on { $effective }

pack-cycle = editions extend each other in a circle: { $chain }
    .span = extends an edition that extends this one

## The columns of `banfa packs` (src/cli/packs.rs).

packs-edition = edition
packs-version = version
packs-effective = effective
packs-jurisdiction = jurisdiction
packs-extends = extends
packs-location = location
