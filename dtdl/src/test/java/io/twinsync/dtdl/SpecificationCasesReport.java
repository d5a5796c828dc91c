package io.twinsync.dtdl;

import java.util.ArrayList;
import java.util.List;

/** Prints how many specification cases the reader gets right, per file, and the first wrong ones: for development. */
final class SpecificationCasesReport {

    public static void main(String[] args) {
        int cases = 0;
        int right = 0;
        List<String> wrongFiles = new ArrayList<>();
        String filter = args.length > 0 ? args[0] : "";
        int shown = 0;
        for (SpecificationCases.CaseFile file : SpecificationCases.load()) {
            int fileWrong = 0;
            for (SpecificationCases.Case each : file.cases()) {
                cases++;
                String verdict = SpecificationCasesTests.verdict(each);
                if (verdict == null) {
                    right++;
                } else {
                    fileWrong++;
                    if (file.name().contains(filter) && shown++ < 40) {
                        System.out.println(verdict.length() > 900 ? verdict.substring(0, 900) : verdict);
                    }
                }
            }
            if (fileWrong > 0) {
                wrongFiles.add(fileWrong + "/" + file.cases().size() + " " + file.name());
            }
        }
        wrongFiles.forEach(System.out::println);
        System.out.println(right + " of " + cases + " cases right; " + wrongFiles.size() + " files with a wrong one");
    }
}
