package io.landscape.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** {@link Problem} is a value: equal settings give equal problems (and hash codes), and it survives serialisation. */
class ProblemValueTest {

    private static Problem general() {
        return Problem.builder().teacher(new double[][] {{1, 0.5, 0}, {0, 2, -1}}).students(3)
                .studentWeights(new double[] {1, -1, 0.5}).teacherWeights(new double[] {2, 1}).kernel(Kernel.erf())
                .normalization(Normalization.FULL).build();
    }

    @Test
    void equalSettingsGiveEqualProblems() {
        assertEquals(Problem.identityTeacher(3, 4, 5), Problem.identityTeacher(3, 4, 5));
        assertEquals(Problem.identityTeacher(3, 4, 5).hashCode(), Problem.identityTeacher(3, 4, 5).hashCode());
        assertEquals(general(), general());
        assertEquals(general().hashCode(), general().hashCode());
        assertEquals(general(), general().toBuilder().build());
        // the same kernel made twice is the same kernel
        assertEquals(general(), general().toBuilder().kernel(Kernel.named("erf")).build());
        Set<Problem> set = new HashSet<>();
        set.add(general());
        set.add(general());
        set.add(Problem.identityTeacher(3, 3, 3));
        assertEquals(2, set.size());
    }

    @Test
    void everyFieldTakesPart() {
        Problem p = general();
        assertNotEquals(p, p.withStudents(4));
        assertNotEquals(p, p.toBuilder().teacher(new double[][] {{1, 0.5, 0}, {0, 2, -1.0000000000000002}}).build());
        assertNotEquals(p, p.toBuilder().teacher(new double[][] {{1, 0.5, 0}, {0, 2, -1}, {0, 0, 1}})
                .teacherWeights(null).build());
        assertNotEquals(p, p.toBuilder().studentWeights(new double[] {1, -1, 0.25}).build());
        assertNotEquals(p, p.toBuilder().teacherWeights(new double[] {2, 2}).build());
        assertNotEquals(p, p.toBuilder().kernel(Kernel.relu()).build());
        assertNotEquals(p, p.toBuilder().kernel(Kernel.formula("erf", "wv")).build());
        assertNotEquals(p, p.toBuilder().normalization(Normalization.HALF).build());
        // d is part of the teacher matrix: the identity teacher in R^3 and in R^4 differ
        assertNotEquals(Problem.identityTeacher(3, 3, 3), Problem.identityTeacher(3, 4, 3));
        assertNotEquals(p, null);
        assertNotEquals(p, "a problem");
    }

    @Test
    void serialisationRoundTripGivesAnEqualProblem() throws Exception {
        for (Problem p : new Problem[] {general(), Problem.identityTeacher(4, 4, 6)}) {
            Problem back = (Problem) roundTrip(p);
            assertNotSame(p, back);
            assertEquals(p, back);
            assertEquals(p.hashCode(), back.hashCode());
            assertEquals(p.toString(), back.toString());
        }
        Kernel k = (Kernel) roundTrip(Kernel.formula("mine", "wv*wv"));
        assertEquals(Kernel.formula("mine", "wv*wv"), k);
    }

    @Test
    void aTamperedStreamIsRefused() throws Exception {
        // a kernel whose formula was blanked in the byte stream is refused, not built unchecked
        Problem p = Problem.identityTeacher(2, 2, 3).toBuilder().kernel(Kernel.formula("mine", "QQQwv")).build();
        byte[] bytes = bytes(p);
        int at = -1;
        for (int i = 0; i + 5 <= bytes.length; i++) {
            if (bytes[i] == 'Q' && bytes[i + 1] == 'Q' && bytes[i + 2] == 'Q' && bytes[i + 3] == 'w') {
                at = i;
            }
        }
        assertNotEquals(-1, at, "the formula is in the stream");
        for (int i = 0; i < 5; i++) {
            bytes[at + i] = ' ';
        }
        InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> read(bytes));
        assertEquals(true, e.getMessage().contains("formula must not be blank"), e.getMessage());
    }

    private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        return read(bytes(o));
    }

    private static byte[] bytes(Object o) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buf)) {
            out.writeObject(o);
        }
        return buf.toByteArray();
    }

    private static Object read(byte[] b) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return in.readObject();
        }
    }
}
