package io.landscape.impl.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.landscape.api.Kernel;
import io.landscape.api.Landscape;
import io.landscape.api.formula.FormulaFunction;
import io.landscape.api.formula.ObjectiveFormula;
import io.landscape.impl.compile.JaninoCompiler;
import io.landscape.impl.compile.KernelCompiler;

/**
 * HotSpot does not JIT a method over 8000 bytes of bytecode: every generated method — shipped kernels, a formula
 * objective, and a formula big enough to be split — stays under the limit (read from the class files).
 */
class GeneratedMethodSizeTest {
    static final int HUGE_METHOD_LIMIT = 8000;

    @Test
    void shippedKernelMethodsAreSmallEnoughToJit() throws IOException {
        for (Kernel k : new Kernel[] {Kernel.relu(), Kernel.erf(), Kernel.linear()}) {
            String cls = KernelCompiler.compiled(k).getClass().getName();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(cls.replace('.', '/') + ".class")) {
                assertTrue(in != null, cls);
                Map<String, Integer> sizes = codeSizes(in.readAllBytes());
                assertTrue(sizes.containsKey("second"), sizes.toString());
                check(cls, sizes);
            }
        }
    }

    @Test
    void aRoutineOverTheThresholdIsSplitAndStaysRight() throws IOException {
        String before = System.getProperty("landscape.formula.splitAbove");
        System.setProperty("landscape.formula.splitAbove", "6");
        try {
            double[] u0 = {0.4, -0.7};
            FormulaFunction split = Landscape.symbolicObjective(FormulaObjectiveTest.fk(3, 2, u0, false));
            assertTrue(split.source().contains("SecondPart1("), "the routines must be split");
            Map<String, Integer> sizes = codeSizes(JaninoCompiler.bytecode(FormulaRoutines.class, "Split",
                    split.source(), "test").get("Split"));
            check("split", sizes);
            System.clearProperty("landscape.formula.splitAbove");
            FormulaFunction whole = Landscape.symbolicObjective(FormulaObjectiveTest.fk(3, 2, u0, false));
            assertFalse(whole.source().contains("Part0("));
            double[] x = {0.3, -0.2, 0.5, 0.1, -0.6, 0.4};
            assertEquals(whole.value(x), split.value(x), 0.0);
            double[] a = whole.gradient(x);
            double[] b = split.gradient(x);
            double[] ha = whole.hessianAt(x).toDense();
            double[] hb = split.hessianAt(x).toDense();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 0.0);
            }
            for (int i = 0; i < ha.length; i++) {
                assertEquals(ha[i], hb[i], 1e-15 * Math.max(1, Math.abs(ha[i])));
            }
        } finally {
            if (before == null) {
                System.clearProperty("landscape.formula.splitAbove");
            } else {
                System.setProperty("landscape.formula.splitAbove", before);
            }
        }
    }

    @Test
    void fkMethodsAreSmallWhateverK() throws IOException {
        FormulaFunction f = Landscape.symbolicObjective(FormulaObjectiveTest.fk(10, 75, new double[75], false));
        Map<String, Integer> sizes = codeSizes(JaninoCompiler.bytecode(FormulaRoutines.class, "Fk", f.source(),
                "test").get("Fk"));
        assertFalse(f.source().contains("Part0("), "F^(k) needs no split");
        check("Fk", sizes);
        assertEquals(f.source(), Landscape.symbolicObjective(FormulaObjectiveTest.fk(2, 3, new double[3], false))
                .source(), "one derivation serves every k and d");
    }

    private static void check(String what, Map<String, Integer> sizes) {
        for (Map.Entry<String, Integer> e : sizes.entrySet()) {
            assertTrue(e.getValue() < HUGE_METHOD_LIMIT, what + "." + e.getKey() + " has " + e.getValue()
                    + " bytes of bytecode");
        }
    }

    /** Method name → length of its Code attribute, from a class file. */
    static Map<String, Integer> codeSizes(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        assertEquals(0xCAFEBABE, in.readInt());
        in.readUnsignedShort();
        in.readUnsignedShort();
        int n = in.readUnsignedShort();
        String[] utf = new String[n];
        for (int i = 1; i < n; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1: utf[i] = in.readUTF(); break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: in.skipBytes(4); break;
                case 5: case 6: in.skipBytes(8); i++; break;
                case 7: case 8: case 16: case 19: case 20: in.skipBytes(2); break;
                case 15: in.skipBytes(3); break;
                default: throw new IOException("constant pool tag " + tag);
            }
        }
        in.skipBytes(6);
        in.skipBytes(2 * in.readUnsignedShort());
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipBytes(6);
            skipAttributes(in);
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            in.skipBytes(2);
            String name = utf[in.readUnsignedShort()];
            in.skipBytes(2);
            int attrs = in.readUnsignedShort();
            for (int a = 0; a < attrs; a++) {
                String an = utf[in.readUnsignedShort()];
                int len = in.readInt();
                byte[] body = new byte[len];
                in.readFully(body);
                if (an.equals("Code")) {
                    DataInputStream c = new DataInputStream(new ByteArrayInputStream(body));
                    c.skipBytes(4);
                    sizes.merge(name, c.readInt(), Math::max);
                }
            }
        }
        return sizes;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attrs = in.readUnsignedShort();
        for (int a = 0; a < attrs; a++) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }
}
