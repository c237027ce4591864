package cn.keyaccount.portrait;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One customer as measured in phase 1 of a recompute — its typical shapes, figures and tags, with what it is grouped
 * and compared by — and its encoding for the staging table (portrait_stage), where a chunk's measures wait for the
 * clustering over all customers. Binary through {@link DataOutputStream}: NaN levels survive, and a customer-year is
 * about 3.5 kB (eight shapes of 96 floats).
 *
 * @param managerId  the customer's primary manager, null without one
 * @param peerGroup  industry code and supply voltage: the customers its figures are ranked among
 */
record CustomerMeasure(long customerId, Long managerId, String industryCode, String peerGroup,
                       TypicalShapes.Result shapes, Map<Figure, Double> figures, List<PortraitTag> tags) {

    private static final int VERSION = 1;

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(customerId);
            out.writeLong(managerId == null ? -1 : managerId);
            out.writeUTF(industryCode);
            out.writeUTF(peerGroup);
            out.writeInt(shapes.usableDays());
            for (double level : shapes.seasonLevels()) {
                out.writeDouble(level);
            }
            out.writeDouble(shapes.restLevel());
            out.writeShort(shapes.shapes().size());
            for (TypicalShapes.Shape s : shapes.shapes()) {
                out.writeByte(s.season().ordinal());
                out.writeByte(s.dayType().ordinal());
                out.writeInt(s.days());
                out.writeShort(s.points().length);
                for (float p : s.points()) {
                    out.writeFloat(p);
                }
            }
            out.writeShort(figures.size());
            for (Map.Entry<Figure, Double> f : figures.entrySet()) {
                out.writeUTF(f.getKey().name());
                out.writeDouble(f.getValue());
            }
            out.writeShort(tags.size());
            for (PortraitTag t : tags) {
                out.writeUTF(t.code());
                out.writeUTF(t.category().name());
                out.writeUTF(t.labelKey());
                out.writeUTF(t.reasonKey());
                out.writeShort(t.args().size());
                for (Double a : t.args()) {
                    out.writeDouble(a);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static CustomerMeasure decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("staged portrait measure of version " + version);
            }
            long customerId = in.readLong();
            long manager = in.readLong();
            String industry = in.readUTF();
            String peers = in.readUTF();
            int usableDays = in.readInt();
            double[] levels = new double[3];
            for (int i = 0; i < levels.length; i++) {
                levels[i] = in.readDouble();
            }
            double restLevel = in.readDouble();
            int n = in.readShort();
            List<TypicalShapes.Shape> shapes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Season season = Season.values()[in.readByte()];
                DayType type = DayType.values()[in.readByte()];
                int days = in.readInt();
                float[] points = new float[in.readShort()];
                for (int k = 0; k < points.length; k++) {
                    points[k] = in.readFloat();
                }
                shapes.add(new TypicalShapes.Shape(season, type, days, points));
            }
            Map<Figure, Double> figures = new EnumMap<>(Figure.class);
            for (int i = in.readShort(); i > 0; i--) {
                figures.put(Figure.valueOf(in.readUTF()), in.readDouble());
            }
            int tagCount = in.readShort();
            List<PortraitTag> tags = new ArrayList<>(tagCount);
            for (int i = 0; i < tagCount; i++) {
                String code = in.readUTF();
                TagCategory category = TagCategory.valueOf(in.readUTF());
                String label = in.readUTF();
                String reason = in.readUTF();
                List<Double> args = new ArrayList<>();
                for (int a = in.readShort(); a > 0; a--) {
                    args.add(in.readDouble());
                }
                tags.add(new PortraitTag(code, category, label, reason, List.copyOf(args)));
            }
            return new CustomerMeasure(customerId, manager < 0 ? null : manager, industry, peers,
                    new TypicalShapes.Result(usableDays, shapes, levels, restLevel), figures, tags);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
