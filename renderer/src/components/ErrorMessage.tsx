/** A form's or panel's error, read out by screen readers as soon as it appears; nothing when empty. */
export function ErrorMessage({ message }: { message: string }) {
  return message ? (
    <p className="error" role="alert">
      {message}
    </p>
  ) : null;
}
