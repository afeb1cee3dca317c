import '@material/web/progress/circular-progress.js';

/** An indeterminate spinner with its text for screen readers. */
export function Progress({ label }: { readonly label: string }) {
  return (
    <div className="ui-progress" role="status">
      <md-circular-progress indeterminate aria-hidden="true" />
      <span className="ui-visually-hidden">{label}</span>
    </div>
  );
}
