package io.landscape.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Errors a caller can make with the api types alone get api exception types and messages naming the setting. */
class UserErrorsTest {

    @Test
    void aBuilderWithoutStudentsSaysStudentsWasNotSet() {
        InvalidProblemException e = assertThrows(InvalidProblemException.class,
                () -> Problem.builder().teacher(Problem.identity(2, 2)).build());
        assertTrue(e.getMessage().startsWith("students(n) was not set"), e.getMessage());
        assertFalse(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void aBadStudentCountIsNamedWithTheValueGiven() {
        InvalidProblemException e = assertThrows(InvalidProblemException.class,
                () -> Problem.builder().teacher(Problem.identity(2, 2)).students(0).build());
        assertTrue(e.getMessage().contains("students(n): n must be at least 1, got 0"), e.getMessage());
    }

    @Test
    void aBuilderWithoutTeacherSaysTeacherWasNotSet() {
        InvalidProblemException e = assertThrows(InvalidProblemException.class,
                () -> Problem.builder().students(2).build());
        assertTrue(e.getMessage().startsWith("teacher(v) was not set"), e.getMessage());
    }

    @Test
    void nullKernelAndRaggedTeacherAreNamed() {
        InvalidProblemException k = assertThrows(InvalidProblemException.class,
                () -> Problem.builder().teacher(Problem.identity(2, 2)).students(2).kernel(null).build());
        assertTrue(k.getMessage().startsWith("kernel(k)"), k.getMessage());
        InvalidProblemException t = assertThrows(InvalidProblemException.class,
                () -> Problem.builder().teacher(new double[][] {{1, 0}, {1}}).students(2).build());
        assertTrue(t.getMessage().contains("row 2 has 1 entries, expected 2"), t.getMessage());
        InvalidProblemException w = assertThrows(InvalidProblemException.class,
                () -> Problem.builder().teacher(Problem.identity(2, 2)).students(2).studentWeights(new double[3])
                        .build());
        assertTrue(w.getMessage().startsWith("studentWeights(a): 3 given, expected 2"), w.getMessage());
    }

    @Test
    void oneClauseCatchesEveryUserError() {
        // the hierarchy: all are LandscapeExceptions, and IllegalArgumentExceptions as before
        Class<?>[] types = {InvalidFormulaException.class, InvalidProblemException.class, InvalidPointException.class,
            NotDifferentiableException.class};
        for (Class<?> c : types) {
            assertTrue(LandscapeException.class.isAssignableFrom(c), c.getName());
        }
        assertTrue(IllegalArgumentException.class.isAssignableFrom(LandscapeException.class));
        assertTrue(RuntimeException.class.isAssignableFrom(LandscapeException.class));
        NotDifferentiableException nd = new NotDifferentiableException(3, "zero");
        assertEquals(3, nd.neuron());
        assertEquals(-1, nd.coordinate());
    }

    @Test
    void unknownKernelNamesAndBlankFormulasAreRefused() {
        LandscapeException e = assertThrows(LandscapeException.class, () -> Kernel.named("tanh"));
        assertTrue(e.getMessage().contains("unknown kernel 'tanh'"), e.getMessage());
        InvalidFormulaException f = assertThrows(InvalidFormulaException.class, () -> Kernel.formula("k", " "));
        assertTrue(f.getMessage().contains("kernel 'k': formula must not be blank"), f.getMessage());
        assertThrows(LandscapeException.class, () -> Kernel.formula(null, "wv"));
    }

    @Test
    void raggedNeuronsAreNamed() {
        InvalidPointException e = assertThrows(InvalidPointException.class,
                () -> Points.flatten(new double[][] {{1, 2}, {3}}));
        assertEquals(1, e.neuron());
        assertTrue(e.getMessage().startsWith("neuron 2 has 1 coordinates"), e.getMessage());
    }
}
