import { runCli } from './run-cli';

// The `otp-desk` command (package.json bin). All logic is in run-cli.ts so tests can call it in-process.
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
