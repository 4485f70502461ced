package dev.acr.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the integration tests ({@code *IT}) with a message saying how to run them when they are
 * run without the packaged launcher: {@code mvn test -Dtest='*DryRun*'} makes surefire pick up
 * {@code DryRunAgreementIT} too, and without failsafe's {@code acr.jar} and {@code acr.root}
 * properties it would fail on a NullPointerException. Failsafe always sets them (pom.xml), so
 * there nothing is skipped. Registered for every test class through JUnit's extension
 * autodetection (src/test/resources/junit-platform.properties).
 */
public final class PackagedOnly implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String name = context.getTestClass().map(Class::getSimpleName).orElse("");
    if (!name.endsWith("IT") || System.getProperty("acr.jar") != null) {
      return ConditionEvaluationResult.enabled("not an integration test, or run with the packaged launcher");
    }
    String why = name + " runs the packaged launcher, so failsafe runs it after packaging, not surefire:"
        + " mvn -B verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=" + name;
    // Surefire's summary only counts skipped tests; the reason goes in its report file, so say it here too.
    System.err.println("skipped: " + why);
    return ConditionEvaluationResult.disabled(why);
  }
}
