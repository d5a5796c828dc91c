# Shared by the bench scripts (source it; not run on its own).

# bench_libs <source tree> <out folder>: the bench jar of <source tree> (built already) and its runtime classpath,
# copied into <out folder>/lib. Private copies, so that a concurrent build or install cannot change the classes under
# a benchmark while it runs.
bench_libs() {
    local src=$1 out=$2
    (cd "$src" && ./mvnw -q -f bench/pom.xml dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" \
        -DincludeScope=runtime)
    mkdir -p "$out/lib"
    cp "$src"/bench/target/twinsync-bench-*.jar "$out/lib/"
    tr ':' '\n' <"$out/cp.txt" | xargs -I{} cp {} "$out/lib/"
}
