import { useId } from 'react';

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  /** The label's language when it differs from the page's (a language's own name). */
  readonly lang?: string;
}

/** A set of radio buttons under a legend, each row a 48 px target. */
export function ChoiceGroup<T extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  disabled = false,
}: {
  readonly legend: string;
  readonly name: string;
  readonly choices: readonly Choice<T>[];
  readonly value: T;
  readonly onChange: (value: T) => void;
  readonly disabled?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="ui-choice-group" disabled={disabled}>
      <legend className="ui-choice-group__legend">{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="ui-choice-group__choice" htmlFor={`${id}-${choice.value}`}>
          <input
            id={`${id}-${choice.value}`}
            className="ui-choice-group__radio"
            type="radio"
            name={name}
            value={choice.value}
            checked={choice.value === value}
            onChange={() => onChange(choice.value)}
          />
          <span lang={choice.lang}>{choice.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
