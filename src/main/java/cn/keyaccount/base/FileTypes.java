package cn.keyaccount.base;

import java.util.Set;

/**
 * What an uploaded file is by its first bytes (never by its name or the type the browser claims): the few types the
 * suite takes — PDF documents and JPEG, PNG or WebP photos. Each upload says which of them it accepts.
 */
public final class FileTypes {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String WEBP = "image/webp";

    private FileTypes() {
    }

    /** The type the content shows, if it is one of {@code accepted}; null otherwise (or for no content). */
    public static String sniff(byte[] c, Set<String> accepted) {
        String type = sniff(c);
        return type != null && accepted.contains(type) ? type : null;
    }

    /** The type the content shows by its first bytes: PDF, JPEG, PNG or WebP; null for anything else. */
    public static String sniff(byte[] c) {
        if (c == null) {
            return null;
        }
        if (starts(c, 0, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return PDF;
        }
        if (starts(c, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(c, 0, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(c, 0, 'R', 'I', 'F', 'F') && starts(c, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        return null;
    }

    private static boolean starts(byte[] c, int offset, int... magic) {
        if (c.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((c[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
