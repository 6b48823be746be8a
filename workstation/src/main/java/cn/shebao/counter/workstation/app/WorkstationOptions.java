package cn.shebao.counter.workstation.app;

import cn.shebao.counter.workstation.platform.DataDirectory;

/**
 * How the workstation was started.
 *
 * @param demoPersons persons generated into an empty demo replica
 */
public record WorkstationOptions(DataDirectory directory, boolean demo, int demoPersons) {
}
