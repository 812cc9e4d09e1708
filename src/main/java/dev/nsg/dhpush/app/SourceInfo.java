package dev.nsg.dhpush.app;

/**
 * What the pipeline says about the source being built, where it says anything; the git checkout fills in the rest.
 *
 * @param revision the commit being built, or null
 * @param origin the repository's URL (may carry credentials, which never reach a label), or null
 * @param sourceDateEpoch seconds since 1970 for the created label (the reproducible-builds convention), or null
 */
public record SourceInfo(String revision, String origin, String sourceDateEpoch) {

    public static final SourceInfo NONE = new SourceInfo(null, null, null);
}
