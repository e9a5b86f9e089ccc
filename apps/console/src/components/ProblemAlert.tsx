import { Alert, List } from '@mantine/core';
import { ApiError } from '../api/problem';

/** An API failure in plain words, with the field errors of a 400 when there are some. */
export function ProblemAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  // A 400's detail usually lists its field errors already ("a: …; b: …"): list them only when it does not.
  const details = error instanceof ApiError && !error.errors.every((detail) => message.includes(detail)) ? error.errors : [];
  return (
    <Alert color="red" title={title} role="alert">
      {message}
      {details.length > 0 && (
        <List size="sm" mt="xs">
          {details.map((detail) => (
            <List.Item key={detail}>{detail}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
