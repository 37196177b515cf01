import { installRuntimeStub } from './custom-functions-runtime';

installRuntimeStub();
