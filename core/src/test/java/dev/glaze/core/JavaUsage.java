package dev.glaze.core;

import dev.glaze.core.images.Image;
import dev.glaze.core.images.Images;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The library from plain Java: no Groovy types, closures as Consumer and Predicate. Run by JavaApiSpec. */
public final class JavaUsage {
    private JavaUsage() {
    }

    public static List<String> createFindAndUpdate(Cloud cloud) {
        Images images = cloud.images();
        Image created = images.create(Map.of("name", "java-made", "disk_format", "raw", "container_format", "bare"));
        created.update(image -> {
            image.setMinDisk(12);
            image.put("release", "java");
            image.getTags().add("from-java");
        });
        List<String> seen = new ArrayList<>();
        for (Image image : images.where(Map.of("name", "java-made")).filter(i -> i.getMinDisk() > 10)) {
            seen.add(image.getName() + " " + image.attribute("release") + " " + image.getTags());
        }
        return seen;
    }
}
