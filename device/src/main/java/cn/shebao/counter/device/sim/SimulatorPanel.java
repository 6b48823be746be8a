package cn.shebao.counter.device.sim;

import cn.shebao.counter.device.card.IdCard;
import cn.shebao.counter.device.id.DeviceMessages;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;

/** Lets a demo user place a card on the simulated reader, take it away, and inject a fault. */
public final class SimulatorPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    public SimulatorPanel(ReaderSimulator simulator, List<IdCard> cards, Locale locale) {
        super(new BorderLayout(8, 8));
        setName("simulator");
        ResourceBundle text = DeviceMessages.bundle(locale);
        JList<IdCard> list = new JList<>(cards.toArray(IdCard[]::new));
        list.setName("simulator.cards");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected, boolean focus) {
                IdCard c = (IdCard) value;
                return super.getListCellRendererComponent(l, c.name() + "  " + c.maskedIdNumber(), index, selected, focus);
            }
        });
        if (!cards.isEmpty()) {
            list.setSelectedIndex(0);
        }
        JLabel state = new JLabel(text.getString("simulator.empty"));
        state.setName("simulator.state");
        JButton present = new JButton(text.getString("simulator.present"));
        present.setName("simulator.present");
        present.addActionListener(e -> {
            IdCard card = list.getSelectedValue();
            if (card != null) {
                simulator.present(card, null);
                state.setText(text.getString("simulator.onReader") + " " + card.name());
            }
        });
        JButton remove = new JButton(text.getString("simulator.remove"));
        remove.setName("simulator.remove");
        remove.addActionListener(e -> {
            simulator.remove();
            state.setText(text.getString("simulator.empty"));
        });
        JComboBox<Fault> fault = new JComboBox<>(Fault.values());
        fault.setName("simulator.fault");
        JButton arm = new JButton(text.getString("simulator.arm"));
        arm.setName("simulator.arm");
        arm.addActionListener(e -> simulator.arm((Fault) fault.getSelectedItem()));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT));
        buttons.add(present);
        buttons.add(remove);
        buttons.add(fault);
        buttons.add(arm);
        add(new JScrollPane(list), BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout());
        south.add(buttons, BorderLayout.NORTH);
        south.add(state, BorderLayout.SOUTH);
        add(south, BorderLayout.SOUTH);
    }
}
