# pack
