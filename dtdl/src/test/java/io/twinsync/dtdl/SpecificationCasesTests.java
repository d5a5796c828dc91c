package io.twinsync.dtdl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the DTDL specification's test cases through {@link DtdlReader}: every valid case must read without problems,
 * and every invalid one must be refused.
 */
class SpecificationCasesTests {

    @TestFactory
    Stream<DynamicTest> everySpecificationCaseGetsTheVerdictTheSpecificationGives() {
        return SpecificationCases.load().stream()
                .map(file -> DynamicTest.dynamicTest(file.name(), () -> {
                    // given the cases of one rule of the specification
                    List<String> wrong = new ArrayList<>();

                    // when each is read with its options
                    for (SpecificationCases.Case each : file.cases()) {
                        String verdict = verdict(each);
                        if (verdict != null) {
                            wrong.add(verdict);
                        }
                    }

                    // then the reader agrees with the specification on every one
                    assertThat(wrong).isEmpty();
                }));
    }

    /** Null when the reader agrees with the case; otherwise what it got wrong. */
    static String verdict(SpecificationCases.Case each) {
        List<DtdlSource> sources = new ArrayList<>();
        for (int i = 0; i < each.documents().size(); i++) {
            sources.add(DtdlSource.ofJson("input[" + i + "]", each.documents().get(i)));
        }
        DtdlReader.Result result =
                new DtdlReader(new DtdlReadOptions(each.allowUndefinedExtensions(), false)).read(sources);
        if (each.valid() && result.hasProblems()) {
            return each.describe() + "\n    refused: " + result.problems();
        }
        if (!each.valid() && !result.hasProblems()) {
            return each.describe() + "\n    accepted";
        }
        return null;
    }
}
