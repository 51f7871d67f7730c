#!/usr/bin/env bash
# Runs the samples launcher with Spark on the class path, for a local master:
#   samples-spark/run-local.sh NetworkWordCount --backend spark --master local[2] --connect localhost:9999
# Build first: mvn -B -Pspark package -pl samples-spark -am -DskipTests
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/sluice-samples-spark.jar"
classpath="$here/target/classpath.txt"
if [ ! -f "$jar" ] || [ ! -f "$classpath" ]; then
  echo "build it first: mvn -B -Pspark package -pl samples-spark -am -DskipTests" >&2
  exit 2
fi
# Spark reaches into these JDK packages, which Java 17 and later close by default.
opens=()
for package in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util \
    java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs \
    sun.security.action sun.util.calendar; do
  opens+=("--add-opens=java.base/$package=ALL-UNNAMED")
done
exec java "${opens[@]}" -Dio.netty.tryReflectionSetAccessible=true \
  -cp "$jar:$(cat "$classpath")" dev.sluice.samples.SampleLauncher "$@"
