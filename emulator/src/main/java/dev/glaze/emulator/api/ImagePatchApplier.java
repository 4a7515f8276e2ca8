package dev.glaze.emulator.api;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.StoredImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies parsed PATCH operations to an image as Glance's images controller does: in order, against a copy,
 * each with the permission and state checks of Glance's domain objects; then the checks Glance makes when it
 * saves (property quota, the image still visible to its changer). Any failure throws and leaves the image as it
 * was; success gives the new image with a fresh {@code updated_at}.
 */
final class ImagePatchApplier {
    /** WebOb's default explanations, shown above the detail Glance passes for some 403s and every 409. */
    static final String FORBIDDEN = "Access was denied to this resource.";
    static final String CONFLICT = "There was a conflict when trying to complete your request.";

    private final Profile profile;

    ImagePatchApplier(Profile profile) {
        this.profile = profile;
    }

    StoredImage apply(StoredImage image, ImagePatchParser.Parsed patch, RequestContext ctx) {
        StoredImage changed = image.with(attributes -> {
            Set<String> extrasBefore = extraNames(attributes);
            for (PatchOperation operation : patch.operations()) {
                applyOne(attributes, operation, patch.draft4(), image, ctx);
            }
            Set<String> extras = extraNames(attributes);
            if (!extrasBefore.containsAll(extras)) {
                // Glance counts properties only when a patch adds one, so an image already over the quota
                // (the operator lowered it) can still be edited.
                long attempted = extras.stream().filter(n -> !n.startsWith("os_glance")).count();
                if (attempted > ImageAttributes.PROPERTY_QUOTA) {
                    throw ImageAttributes.propertyQuota(attempted);
                }
            }
            attributes.put("updated_at", Times.now());
        });
        if (!ImageAccess.canSee(changed, ctx)) {
            // A non-admin owner may give a public image away, but not one that would then be hidden from them.
            throw HttpError.forbidden("Forbidding request, image " + image.id() + " not visible");
        }
        return changed;
    }

    private void applyOne(Map<String, Object> attributes, PatchOperation operation, boolean draft4,
            StoredImage image, RequestContext ctx) {
        String name = operation.root();
        if (name.equals("locations")) {
            if (operation.isRemove()) {
                checkOwner(image, ctx); // only removing a location asks whether the image is the caller's
            }
            throw PatchLocations.refusal(operation);
        }
        if (operation.isReplace() && name.equals("owner") && !ctx.isAdmin()) {
            throw HttpError.withDetail(403, FORBIDDEN, "Owner can't be updated by non admin.");
        }
        if (name.equals("visibility") && "public".equals(operation.value()) && !ctx.isAdmin()) {
            throw HttpError.forbidden("You are not authorized to complete publicize_image action.");
        }
        if (!profile.namesAttributeForNonOwner()) {
            checkOwner(image, ctx); // upstream asks its policy before it looks at the image
        }
        boolean base = isPatchableBase(name);
        boolean extra = !ImageAttributes.isBase(name) && attributes.containsKey(name);
        switch (operation.op()) {
            case "add" -> {
                if ((base || extra) && (draft4 || !profile.patchAddReplacesExisting())) {
                    throw conflict("Property " + name + " already present.");
                }
                set(attributes, name, operation.value(), base, image, ctx);
            }
            case "replace" -> {
                if (!base && !extra) {
                    throw conflict("Property " + name + " does not exist.");
                }
                set(attributes, name, operation.value(), base, image, ctx);
            }
            default -> {
                if (base) {
                    throw HttpError.withDetail(403, FORBIDDEN, "Property " + name + " may not be removed.");
                }
                if (!extra) {
                    throw conflict("Property " + name + " does not exist.");
                }
                checkOwnerOnChange(image, ctx, name);
                attributes.remove(name);
            }
        }
    }

    /** A base attribute a PATCH can reach: Glance's image object has no attribute called {@code id}. */
    private boolean isPatchableBase(String name) {
        return ImageAttributes.isBase(name, profile) && !name.equals("id");
    }

    private void set(Map<String, Object> attributes, String name, Object raw, boolean base, StoredImage image,
            RequestContext ctx) {
        checkOwnerOnChange(image, ctx, name);
        Object value = ImagePatchParser.integral(name, raw);
        if (base) {
            value = checkDomainRules(name, value, image);
        }
        attributes.put(name, value);
    }

    /** The rules Glance's domain image enforces when an attribute is set; returns the value to store. */
    private static Object checkDomainRules(String name, Object value, StoredImage image) {
        switch (name) {
            case "disk_format", "container_format" -> {
                String status = image.status();
                if (!"queued".equals(status) && !"importing".equals(status)) {
                    throw HttpError.forbidden("Attribute " + name + " can be only replaced for a queued image.");
                }
            }
            case "min_ram", "min_disk" -> {
                if ((Long) value < 0) {
                    throw ImageAttributes.negative(name, value);
                }
            }
            case "tags" -> {
                // The quota counts the list as sent, duplicates included; the image keeps a set.
                List<?> tags = (List<?>) value;
                if (tags.size() > ImageAttributes.TAG_QUOTA) {
                    throw ImageAttributes.tagQuota(tags.size());
                }
                return new ArrayList<>(new LinkedHashSet<>(tags));
            }
            default -> {
            }
        }
        return value;
    }

    /** Upstream's ownership check ("You do not own this image"), made before an operation does anything. */
    private static void checkOwner(StoredImage image, RequestContext ctx) {
        if (!ImageAccess.canChange(image, ctx)) {
            throw HttpError.forbidden("You do not own this image");
        }
    }

    /** Icehouse's ownership check, made by its read-only image proxy only when something is actually changed. */
    private void checkOwnerOnChange(StoredImage image, RequestContext ctx, String name) {
        if (profile.namesAttributeForNonOwner() && !ImageAccess.canChange(image, ctx)) {
            throw HttpError.forbidden("You are not permitted to modify '" + name + "' on this image.");
        }
    }

    private static HttpError conflict(String detail) {
        return HttpError.withDetail(409, CONFLICT, detail);
    }

    private static Set<String> extraNames(Map<String, Object> attributes) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : attributes.keySet()) {
            if (!ImageAttributes.isBase(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
