import { Alert, Code, Text } from '@mantine/core';
import type { CommandAnswer } from './station-types';

/** The station's answer to a command: accepted or rejected (the status's name, e.g. "Reset: accepted"), and its answer's body as the API gave it. */
export function CommandAnswerView({ title, answer }: { title: string; answer: CommandAnswer }) {
  return (
    <Alert color={answer.status === 'accepted' ? 'green' : 'orange'} title={`${title}: ${answer.status}`} role="status" p="xs">
      <Text size="xs">Command {answer.commandId}</Text>
      <Code block fz="xs" mt={4}>
        {JSON.stringify(answer.result, null, 2)}
      </Code>
    </Alert>
  );
}
