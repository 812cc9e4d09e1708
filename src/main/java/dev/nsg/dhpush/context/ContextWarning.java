package dev.nsg.dhpush.context;

import java.util.List;

/**
 * Entries of a build context that rarely belong in an image and that .dockerignore does not exclude, with a line
 * that, added to .dockerignore, would exclude every one of them (checked with the build's own matcher).
 *
 * @param paths the entries found, in send order: for a directory kind, the directory itself (everything under it goes too)
 */
public record ContextWarning(Kind kind, List<String> paths, String dockerignoreLine) {

    public enum Kind {
        /** {@code .env} and {@code .env.*} files, which hold settings and often secrets. */
        ENV_FILE,
        /** {@code *.pem}, {@code *.key}, {@code id_rsa*} and the other SSH key names. */
        PRIVATE_KEY,
        /** Files that begin with the SQLite header, whatever their name. */
        SQLITE_DATABASE,
        /** A {@code .git} directory (or a worktree's {@code .git} file). */
        GIT,
        /** A directory holding {@code pyvenv.cfg}. */
        VIRTUALENV,
        PYCACHE,
        NODE_MODULES
    }
}
