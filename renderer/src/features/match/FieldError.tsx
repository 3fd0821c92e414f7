/** A validation message under the field it is about. */
export function FieldError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="match-field-error" role="alert">
      {message}
    </p>
  );
}
