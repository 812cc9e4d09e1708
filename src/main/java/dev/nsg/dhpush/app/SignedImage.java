package dev.nsg.dhpush.app;

import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.ImageReference;

/**
 * A signature stored beside an image, as cosign stores it.
 *
 * @param key       where the key came from (a file name, a variable), never the key
 * @param tag       the signature manifest's tag ({@code sha256-<hex>.sig})
 * @param signature the digest of that manifest
 * @param added     false when the key's signature of this image was there already
 */
public record SignedImage(ImageReference repository, Digest image, String key, String tag, Digest signature, boolean added) {
}
