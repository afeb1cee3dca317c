package ch.moveacces.testkit.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * A service's classes by feature: the package directly under its root package (with everything
 * below it), and the root package itself as one more. Classes outside the root package are left
 * out.
 */
final class FeaturePackages implements SliceAssignment {

  private final String rootPackage;

  FeaturePackages(String rootPackage) {
    this.rootPackage = rootPackage;
  }

  @Override
  public SliceIdentifier getIdentifierOf(JavaClass type) {
    String name = type.getPackageName();
    if (name.equals(rootPackage)) {
      return SliceIdentifier.of(rootPackage);
    }
    if (!name.startsWith(rootPackage + ".")) {
      return SliceIdentifier.ignore();
    }
    String below = name.substring(rootPackage.length() + 1);
    int end = below.indexOf('.');
    return SliceIdentifier.of(rootPackage + "." + (end < 0 ? below : below.substring(0, end)));
  }

  @Override
  public String getDescription() {
    return "the feature packages of " + rootPackage;
  }
}
