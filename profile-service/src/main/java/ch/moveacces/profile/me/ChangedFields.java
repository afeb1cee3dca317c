package ch.moveacces.profile.me;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The API names of the profile fields whose value differs between two versions of a profile. */
final class ChangedFields {

  /** In the order of the profile's fields, so that one change always lists its names alike. */
  private static final List<Field> FIELDS =
      List.of(
          new Field("nom", ProfileFields::nom),
          new Field("prenom", ProfileFields::prenom),
          new Field("date_naissance", ProfileFields::dateNaissance),
          new Field("rue", ProfileFields::rue),
          new Field("npa", ProfileFields::npa),
          new Field("localite", ProfileFields::localite),
          new Field("tel", ProfileFields::tel));

  private ChangedFields() {}

  static List<String> between(ProfileFields before, ProfileFields after) {
    List<String> changed = new ArrayList<>();
    for (Field field : FIELDS) {
      if (!Objects.equals(field.value().apply(before), field.value().apply(after))) {
        changed.add(field.name());
      }
    }
    return List.copyOf(changed);
  }

  private record Field(String name, Function<ProfileFields, @Nullable Object> value) {}
}
