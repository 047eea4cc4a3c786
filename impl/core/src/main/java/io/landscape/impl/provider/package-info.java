/**
 * The api's facade: {@link io.landscape.impl.provider.Provider}, the {@link io.landscape.api.LandscapeProvider}
 * registered in {@code META-INF/services}, which {@link io.landscape.api.Landscape} finds with
 * {@link java.util.ServiceLoader}. It only connects rooms: {@code Landscape.objective} is the objective room's
 * evaluator selector ({@link io.landscape.impl.objective.Evaluators#select}), {@code descend} and {@code polish} the
 * optim room's descent engine and Newton polish, {@code certify} the certify room's certifier, and
 * {@code formulaChecker} the symbolic room's. It is the top of the library's layering: no other package of the
 * library depends on it.
 */
package io.landscape.impl.provider;
