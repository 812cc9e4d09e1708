package dev.nsg.dhpush.cli;

import java.util.ListResourceBundle;

/**
 * Option descriptions that differ by command, where one shared option means something else in each: picocli looks
 * up {@code <command path>.<option>} in this bundle before the annotation's text. A bundle given as an object needs
 * no {@code ResourceBundle.getBundle} lookup, so nothing has to be registered for the native image.
 */
final class HelpTexts extends ListResourceBundle {

    private static final String TAG_DEFAULT = "; repeatable (default: $BITBUCKET_BUILD_NUMBER).";

    @Override
    protected Object[][] getContents() {
        return new Object[][] {
                {"dhpush.tag", "Tag to build, push and verify" + TAG_DEFAULT},
                {"dhpush.latest", "Also build, push and verify the tag latest."},
                {"dhpush.registry", "Registry to push to, as host or host:port (default: Docker Hub)."},
                {"dhpush.build.tag", "Tag to give the built image" + TAG_DEFAULT},
                {"dhpush.build.latest", "Also tag the image latest."},
                {"dhpush.build.registry", "Registry the image is named for, as host or host:port (default: Docker Hub); nothing is pushed, its"
                        + " credentials only pull private base images."},
                {"dhpush.push.tag", "Tag to push; the first names the image, the others are pointed at it" + TAG_DEFAULT},
                {"dhpush.push.latest", "Also push the image as latest."},
                {"dhpush.push.registry", "Registry to push to, as host or host:port (default: Docker Hub)."},
                {"dhpush.verify.tag", "Tag to check on the registry" + TAG_DEFAULT},
                {"dhpush.verify.latest", "Also check the tag latest."},
                {"dhpush.verify.registry", "Registry to check, as host or host:port (default: Docker Hub)."},
                {"dhpush.tags.registry", "Registry to list the tags of, as host or host:port (default: Docker Hub)."},
                {"dhpush.doctor.tag", "Tag a publish would push, looked up on the registry" + TAG_DEFAULT},
                {"dhpush.doctor.latest", "Also look up the tag latest."},
                {"dhpush.doctor.registry", "Registry a publish would push to, as host or host:port (default: Docker Hub)."},
        };
    }
}
