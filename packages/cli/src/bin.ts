#!/usr/bin/env node
/** Entry point of the `sellerbridge` command. */
import { runCli } from './index';

process.exitCode = await runCli(process.argv);
