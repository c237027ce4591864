package cn.keyaccount;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The string constants of a compiled class, read from its constant pool (JVMS §4.4): every string literal of its
 * source, text blocks and constants folded by javac included, and the templates of strings concatenated at run time
 * (their variable parts appear as \u0001). Names of classes, fields and methods are not string constants.
 */
final class ClassFileStrings {

    private ClassFileStrings() {
    }

    static List<String> of(JavaClass c) {
        Source source = c.getSource().orElseThrow(() -> new IllegalStateException("no class file for " + c));
        try (InputStream in = source.getUri().toURL().openStream()) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source.getUri(), e);
        }
    }

    private static List<String> read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> strings = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF(); // CONSTANT_Utf8: u2 length + modified UTF-8, as readUTF reads it
                case 8 -> strings.add(in.readUnsignedShort()); // CONSTANT_String
                case 7, 16, 19, 20 -> in.readUnsignedShort(); // Class, MethodType, Module, Package
                case 15 -> { // MethodHandle
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt(); // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                case 5, 6 -> { // Long and Double take two entries
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        return strings.stream().map(i -> utf8[i]).toList();
    }
}
