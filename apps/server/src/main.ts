// The server process: see serve.ts for what starting and ending it does.
import { serve } from './serve.js';

void serve(process.env);
