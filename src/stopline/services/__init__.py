"""Use cases over the domain and storage. Services stage changes on a connection the caller
owns; the caller commits."""
