package dev.glaze.core.testing;

import dev.glaze.core.Cloud;
import dev.glaze.core.GlazeException;
import dev.glaze.core.images.Image;

/**
 * A process of its own that lists the images of each endpoint given, one line per endpoint
 * ({@code URL: name name...}), and exits 1 with the library's message on the first failure. For specs that need a
 * fresh JVM, such as one whose TLS trust store is set on the command line.
 */
public final class ListImages {
    private ListImages() {
    }

    public static void main(String[] args) {
        for (String url : args) {
            try {
                StringBuilder line = new StringBuilder(url).append(':');
                for (Image image : Cloud.connect(url, "spec-token").images()) {
                    line.append(' ').append(image.getName());
                }
                System.out.println(line);
            } catch (GlazeException e) {
                System.out.println("error: " + e.getMessage());
                System.exit(1);
            }
        }
        Cloud.shutdownForExit();
        System.exit(0);
    }
}
