package dev.nsg.dhpush.app;

import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.Tag;

/**
 * A tag as the registry holds it before the push: absent (NEW); already this very image (UNCHANGED, not pushed again);
 * another digest (MOVES), which this push replaces; or, for a dry run with no image built yet, some digest (EXISTS).
 *
 * @param held the digest the registry serves for the tag now, or null when NEW
 */
public record TagState(Tag tag, Kind kind, Digest held) {

    public enum Kind { NEW, UNCHANGED, MOVES, EXISTS }
}
